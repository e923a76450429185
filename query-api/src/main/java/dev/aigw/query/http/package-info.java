/** HTTP services of the query API and the JSON views they return. */
package dev.aigw.query.http;
