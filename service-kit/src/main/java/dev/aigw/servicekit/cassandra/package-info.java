/** The audit store's connection settings and the one session builder of the services that use it. */
package dev.aigw.servicekit.cassandra;
