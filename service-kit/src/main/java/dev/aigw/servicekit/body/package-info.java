/** Reading a request's body, with the client's framing faults told apart from the server's. */
package dev.aigw.servicekit.body;
