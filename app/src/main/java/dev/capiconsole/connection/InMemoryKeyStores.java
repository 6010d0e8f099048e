package dev.capiconsole.connection;

/**
 * fabric8 puts a kubeconfig's client key into a PKCS12 key store that lives only in memory, under a throwaway
 * password. Java stretches that password with 10,000 PBKDF2 rounds when the key goes in and again when it comes out:
 * about a sixth of a short CLI command's CPU before its first request. Nothing in this process writes a PKCS12 file,
 * so the stretching protects nothing; an operator's own {@code -Dkeystore.pkcs12.keyPbeIterationCount} still wins.
 */
public final class InMemoryKeyStores {

    static final String ITERATIONS = "keystore.pkcs12.keyPbeIterationCount";

    private InMemoryKeyStores() {
    }

    public static void skipKeyStretching() {
        if (System.getProperty(ITERATIONS) == null) {
            System.setProperty(ITERATIONS, "1");
        }
    }
}
