package dev.aigw.systemtests;

/** Stopping the services a test class started. */
final class Services {
    private Services() {
    }

    /** Closes each non-null service, newest first as given; a failure is reported and the rest still close. */
    static void closeAll(AutoCloseable... services) {
        for (AutoCloseable c : services) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("close failed: " + e);
            }
        }
    }
}
