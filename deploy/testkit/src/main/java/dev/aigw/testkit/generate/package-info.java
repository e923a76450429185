/**
 * Generated test inputs: a seeded {@link dev.aigw.testkit.generate.Generator} of arbitrary JSON values, strings and
 * bytes, and {@link dev.aigw.testkit.generate.NearRequests}, valid requests of each intercepted API with parts of the
 * wrong shape. A fixed seed makes every run draw the same inputs; {@code -Daigw.seed=N} draws others.
 */
package dev.aigw.testkit.generate;
