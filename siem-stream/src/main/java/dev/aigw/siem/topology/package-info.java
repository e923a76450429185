/** The SIEM stream's topology: events in, JSON documents out. */
package dev.aigw.siem.topology;
