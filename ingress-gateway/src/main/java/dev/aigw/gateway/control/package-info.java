/** The gateway's side of the control plane: providers routed from the provider topic and seeded from the environment. */
package dev.aigw.gateway.control;
