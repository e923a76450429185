package dev.aigw.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The arrows between our modules, checked on their compiled main classes (a module is known by its packages):
 *
 * <pre>
 *   ingress-gateway ─┐
 *   query-api ───────┼─▶ control-plane ─▶ schemas (the event contract)
 *   recorder-streams ┼─▶ audit-store
 *        all three ──┴─▶ service-kit ───▶ schemas
 * </pre>
 *
 * <p>The three services never use each other. {@code schemas} is what a SIEM team or another producer takes to read
 * or write the topic, so it uses nothing of ours and none of the frameworks the services run on.
 */
class ModuleArrowsTest {
    private static final String[] CONTRACT = {"dev.aigw.schemas..", "dev.aigw.events..", "dev.aigw.control.v1.."};
    private static final String[] FRAMEWORKS = {"io.helidon..", "io.micrometer..", "com.datastax.."};
    private static final String[] SERVICES = {"dev.aigw.gateway..", "dev.aigw.recorder..", "dev.aigw.query..", "dev.aigw.siem.."};
    private static final String ALL_OURS = "dev.aigw..";

    // The Avro-generated control records (dev.aigw.control.v1) belong to the contract, not to control-plane.
    private static final DescribedPredicate<JavaClass> CONTROL_PLANE = resideInAPackage("dev.aigw.control..")
            .and(not(resideInAPackage("dev.aigw.control.v1..")))
            .as("control-plane (dev.aigw.control)");

    private static final JavaClasses OURS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aigw");

    @Test
    void shouldSeeEveryModulesClasses() {
        // A rule over no classes passes; this fails if the import stops seeing a module.
        for (String module : new String[] {"dev.aigw.schemas..", "dev.aigw.events..", "dev.aigw.control",
                "dev.aigw.auditstore", "dev.aigw.servicekit..", "dev.aigw.gateway..", "dev.aigw.recorder..",
                "dev.aigw.query..", "dev.aigw.siem..", "dev.aigw.connect.."}) {
            assertFalse(OURS.that(resideInAPackage(module)).isEmpty(), "no classes in " + module);
        }
    }

    @Test
    void shouldKeepTheContractFreeOfOurOtherModulesAndOfTheServicesFrameworks() {
        check(classes().that().resideInAnyPackage(CONTRACT)
                .should().onlyDependOnClassesThat(resideInAnyPackage(CONTRACT).or(not(resideInAPackage(ALL_OURS))))
                .andShould().onlyDependOnClassesThat(not(resideInAnyPackage(FRAMEWORKS))));
    }

    @Test
    void shouldLetTheControlPlaneUseOnlyTheContractAndTheServiceKit() {
        check(classes().that(CONTROL_PLANE)
                .should().onlyDependOnClassesThat(CONTROL_PLANE.or(resideInAnyPackage(CONTRACT))
                        .or(resideInAPackage("dev.aigw.servicekit.."))
                        .or(not(resideInAPackage(ALL_OURS))))
                .andShould().onlyDependOnClassesThat(not(resideInAnyPackage(FRAMEWORKS))));
    }

    @Test
    void shouldKeepTheAuditStoreToItsSchema() {
        check(classes().that().resideInAPackage("dev.aigw.auditstore..")
                .should().onlyDependOnClassesThat(resideInAPackage("dev.aigw.auditstore..")
                        .or(not(resideInAPackage(ALL_OURS)))));
    }

    @Test
    void shouldKeepTheServiceKitBelowTheServices() {
        check(noClasses().that().resideInAPackage("dev.aigw.servicekit..")
                .should().dependOnClassesThat(resideInAnyPackage(SERVICES).or(CONTROL_PLANE)
                        .or(resideInAPackage("dev.aigw.auditstore.."))));
    }

    @Test
    void shouldNeverLetOneServiceUseAnother() {
        for (String service : SERVICES) {
            String[] others = Arrays.stream(SERVICES).filter(s -> !s.equals(service)).toArray(String[]::new);
            check(noClasses().that().resideInAPackage(service).should().dependOnClassesThat().resideInAnyPackage(others));
        }
    }

    @Test
    void shouldLeaveTheAuditStoreToTheRecorderAndTheControlPlaneToTheGatewayAndTheQueryApi() {
        check(noClasses().that().resideInAnyPackage("dev.aigw.gateway..", "dev.aigw.query..", "dev.aigw.siem..")
                .should().dependOnClassesThat().resideInAPackage("dev.aigw.auditstore.."));
        check(noClasses().that().resideInAnyPackage("dev.aigw.recorder..", "dev.aigw.siem..")
                .should().dependOnClassesThat(CONTROL_PLANE));
    }

    @Test
    void shouldLetTheConnectConverterUseOnlyTheContract() {
        // A Connect worker loads it from its plugin path beside nothing else of ours.
        check(classes().that().resideInAPackage("dev.aigw.connect..")
                .should().onlyDependOnClassesThat(resideInAnyPackage(CONTRACT).or(resideInAPackage("dev.aigw.connect.."))
                        .or(not(resideInAPackage(ALL_OURS)))));
    }

    @Test
    void shouldHaveNoCyclesBetweenModulesOrBetweenTheServicesPackages() {
        check(slices().matching("dev.aigw.(*)..").should().beFreeOfCycles());
        for (String service : new String[] {"gateway", "recorder", "query", "siem"}) {
            check(slices().matching("dev.aigw." + service + ".(*)..").should().beFreeOfCycles());
        }
    }

    @Test
    void shouldKeepTheGatewaysParsersOffTheRequestPathAndTheGatewayOffCassandra() {
        // The parsers are pure (bytes in, payloads out), so fixtures test them without a server, a broker or the SDK.
        check(noClasses().that().resideInAPackage("dev.aigw.gateway.intercept..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.aigw.gateway.proxy..", "dev.aigw.gateway.bedrock..",
                        "dev.aigw.gateway.auth..", "io.helidon..", "org.apache.kafka..", "software.amazon.."));
        check(noClasses().that().resideInAPackage("dev.aigw.gateway..").should().dependOnClassesThat()
                .resideInAPackage("com.datastax.."));
    }

    private static void check(ArchRule rule) {
        rule.check(OURS);
    }
}
