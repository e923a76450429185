/**
 * The audit chain's digests and signing key, shared by the recorder, which signs the chain, and the query API, which
 * verifies it (docs/audit-semantics.md, "Tamper evidence").
 */
package dev.aigw.servicekit.chain;
