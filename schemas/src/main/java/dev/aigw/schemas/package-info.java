/** Names shared by every service: topics and registry subjects. */
package dev.aigw.schemas;
