/** The SIEM stream's configuration, read once at start. */
package dev.aigw.siem.config;
