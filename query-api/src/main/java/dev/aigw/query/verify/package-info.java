/** Verification of the audit chain: which rows were changed, removed or inserted since the recorder signed them. */
package dev.aigw.query.verify;
