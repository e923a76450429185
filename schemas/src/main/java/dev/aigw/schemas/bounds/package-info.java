/** The size bound of every field an event carries into a key, a partition, a row or a record, stated once. */
package dev.aigw.schemas.bounds;
