/** The services' JSON mappers, configured in one place. */
package dev.aigw.servicekit.json;
