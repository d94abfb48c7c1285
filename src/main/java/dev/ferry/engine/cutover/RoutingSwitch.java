package dev.ferry.engine.cutover;

/**
 * Where the application finds its database, behind one interface: the cutover reads the current
 * value, switches it to the target, and on rollback puts the previous value back. Implementations:
 * a file ({@link FileRoutingSwitch}) and an HTTP webhook ({@link WebhookRoutingSwitch}) here; App
 * Service settings, Key Vault secrets and App Configuration keys belong to the Azure adapter.
 */
public interface RoutingSwitch {
    /** The value the application uses now. */
    String current();

    /** Makes the application use {@code value}. */
    void switchTo(String value);
}
