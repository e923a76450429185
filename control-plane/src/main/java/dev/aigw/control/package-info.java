/**
 * Control-plane code shared by the gateway and the query API: gateway key format and verification, sealing of provider
 * secrets under the master key, provider validation, and views of the compacted control topics.
 */
package dev.aigw.control;
