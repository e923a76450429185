/** Reading the audit tables, one prepared statement per query. */
package dev.aigw.query.store;
