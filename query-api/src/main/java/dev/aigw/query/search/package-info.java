/** The audit views' search language: {@code q=} terms parsed into a typed filter. */
package dev.aigw.query.search;
