/** Typed configuration of the recorder, read once at start. */
package dev.aigw.recorder.config;
