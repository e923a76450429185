package dev.aigw.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CassandraRingTest {
    private static final CassandraNode.Settings NODE = new CassandraNode.Settings(Path.of("/tmp/c"), "127.0.0.1", 9042, 7000,
            "1g", Path.of("/tmp/c.log"), Path.of("/jdk17"), "cp", new CassandraNode.Placement("127.0.0.1", "0"));

    @Test
    void shouldPutEachMemberOnItsOwnAddressJoiningThroughTheFirst() {
        List<CassandraNode.Settings> members = CassandraRing.members(List.of(NODE, NODE, NODE), "512m");

        assertThat(members).extracting(CassandraNode.Settings::address).containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
        assertThat(members).extracting(m -> m.placement().seed()).containsOnly("127.0.0.1");
        assertThat(members).extracting(CassandraNode.Settings::cqlPort).containsOnly(9042);
        assertThat(members).extracting(CassandraNode.Settings::maxHeap).containsOnly("512m");
    }

    @Test
    void shouldSpreadTokensEvenlyOverTheMurmur3Range() {
        assertThat(CassandraRing.token(0, 3)).isEqualTo(Long.toString(Long.MIN_VALUE));
        BigInteger step = new BigInteger(CassandraRing.token(1, 3)).subtract(new BigInteger(CassandraRing.token(0, 3)));
        BigInteger next = new BigInteger(CassandraRing.token(2, 3)).subtract(new BigInteger(CassandraRing.token(1, 3)));
        assertThat(step).isEqualTo(next).isEqualTo(BigInteger.TWO.pow(64).divide(BigInteger.valueOf(3)));
        assertThat(new BigInteger(CassandraRing.token(2, 3))).isLessThan(BigInteger.valueOf(Long.MAX_VALUE));
    }

    @Test
    void shouldWriteTheMembersAddressSeedAndTokenIntoItsYaml() {
        CassandraNode.Settings second = CassandraRing.members(List.of(NODE, NODE, NODE), "512m").get(1);

        String yaml = CassandraNode.yaml(second);

        assertThat(yaml)
                .contains("listen_address: 127.0.0.2\n", "rpc_address: 127.0.0.2\n")
                .contains("seeds: \"127.0.0.1:7000\"")
                .contains("initial_token: " + CassandraRing.token(1, 3) + "\n")
                .contains("native_transport_port: 9042\n", "auto_bootstrap: false\n")
                .doesNotContain("@");
    }

    @Test
    void shouldGiveMembersThatJoinThroughAnotherNodeTimeToHearFromItOnRestart() {
        List<CassandraNode.Settings> members = CassandraRing.members(List.of(NODE, NODE, NODE), "512m");

        assertThat(CassandraNode.ringDelayMillis(NODE)).isEqualTo(100);
        assertThat(CassandraNode.ringDelayMillis(members.get(0))).isEqualTo(100);
        assertThat(members.subList(1, 3)).allSatisfy(m -> assertThat(CassandraNode.ringDelayMillis(m)).isGreaterThanOrEqualTo(10_000));
    }
}
