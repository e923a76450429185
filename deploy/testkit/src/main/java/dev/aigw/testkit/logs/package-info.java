/** Test support: capturing what the code under test logs. */
package dev.aigw.testkit.logs;
