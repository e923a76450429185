/** Paging of the audit views: limits, offsets and signed cursors. */
package dev.aigw.query.paging;
