/** The JSON shapes of the audit views, as the reference's query API answers them so its tooling reads ours. */
package dev.aigw.query.views;
