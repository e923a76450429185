/** Reading configuration options from flags, environment variables and a YAML file, shared by every service. */
package dev.aigw.servicekit.config;
