/** The SIEM documents: field names, one document per event, and the per-interception tally its summary comes from. */
package dev.aigw.siem.document;
