package dev.aigw.gateway.control;

import dev.aigw.control.ControlPlane;
import dev.aigw.control.ProviderSettings;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Publishes the configured providers to the provider topic when it does not have them. The topic wins over a
 * differing environment unless reseeding is asked for; each difference is logged once by field name, never by value.
 */
public final class ProviderSeeder {
    private static final Logger LOG = Logger.getLogger(ProviderSeeder.class.getName());
    private static final String SEEDER = "environment";

    private ProviderSeeder() {
    }

    /** Seeds every provider and returns the names of those whose topic definition differs from the environment. */
    public static List<String> seed(ControlPlane<RoutedProvider> control, List<ProviderSettings> configured, boolean reseed) {
        return configured.stream()
                .filter(wanted -> seedOne(control, wanted, reseed))
                .map(ProviderSettings::name)
                .toList();
    }

    private static boolean seedOne(ControlPlane<RoutedProvider> control, ProviderSettings wanted, boolean reseed) {
        Optional<ProviderSettings> current = control.providers().get(wanted.name()).map(RoutedProvider::settings);
        if (current.isEmpty()) {
            control.publish(wanted, SEEDER);
            LOG.info("seeded provider " + wanted.name() + " into the provider topic");
            return false;
        }
        List<String> differing = current.get().differingFields(wanted);
        if (differing.isEmpty()) {
            return false;
        }
        if (reseed) {
            control.publish(wanted, SEEDER);
            LOG.warning("provider " + wanted.name() + " reseeded from the environment; overwritten fields: " + differing);
        } else {
            LOG.warning("provider " + wanted.name() + " differs between the environment and the provider topic in " + differing
                    + "; the topic wins (start with --ai-gateway-reseed-providers to overwrite it)");
        }
        return true;
    }
}
