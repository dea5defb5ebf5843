/**
 * The log policy of errors: one line per error under its request id, at a level and with a stack trace chosen per
 * status, with text from clients escaped and exceptions that are unsafe to log copied safely.
 */
@NullMarked
package dev.apierrors.core.logging;

import org.jspecify.annotations.NullMarked;
