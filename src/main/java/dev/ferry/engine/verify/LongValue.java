package dev.ferry.engine.verify;

/**
 * What a row keeps of a value longer than {@link ValueHashing#STREAM_THRESHOLD} normalized
 * characters: its first characters, its length and its own 128-bit hash, so a diff can say which
 * column differs and show where the value starts without ever holding it whole.
 *
 * @param prefix the first {@link ValueHashing#PREFIX} normalized characters (hex for bytes)
 * @param length normalized characters (for bytes: hex digits, twice the byte count)
 * @param bytes  whether the value is binary (shown as hex, counted in bytes)
 * @param hash   the value's own hash, hex
 */
record LongValue(String prefix, long length, boolean bytes, String hash) {
    /** The prefix, then how long the whole value is: {@code abc… (104857600 characters)}. */
    String display() {
        return prefix + "… (" + (bytes ? length / 2 + " bytes" : length + " characters") + ")";
    }

    @Override
    public String toString() {
        return display();
    }
}
