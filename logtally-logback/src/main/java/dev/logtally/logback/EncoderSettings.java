package dev.logtally.logback;

import ch.qos.logback.core.Context;

/**
 * What {@link LogtallyEncoder} was configured with, handed to the chosen {@link JsonFlavour} to build the
 * encoder that writes the line.
 *
 * <pre>{@code
 * Encoder<ILoggingEvent> encoder = Flavours.CURRENT.encoder(new EncoderSettings(context, "loka-stratum", "2.0.0", ""));
 * }</pre>
 *
 * @param context         the Logback context the encoder and its parts report to
 * @param service         value of the {@code service} field (blank: reported, then {@code app})
 * @param release         value of the {@code release} field; null or blank leaves it out
 * @param stackExclusions comma-separated regular expressions of frames left out of {@code stack_trace} and
 *                        {@code stack_hash}; null or blank for none
 */
record EncoderSettings(Context context, String service, String release, String stackExclusions) {
}
