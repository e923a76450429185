/** Reading configuration variables under the product's prefixes, shared by every service. */
package dev.aigw.schemas.config;
