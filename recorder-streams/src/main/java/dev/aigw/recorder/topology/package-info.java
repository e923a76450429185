/** The Kafka Streams topology, a pure function of its inputs. */
package dev.aigw.recorder.topology;
