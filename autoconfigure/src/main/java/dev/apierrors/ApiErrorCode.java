package dev.apierrors;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;

/**
 * An error code the application declares once, with its status, default client message and a one-line
 * description; usually implemented by an enum, whose constant names in lower case become the codes.
 *
 * <pre class="code">
 * enum ShopError implements ApiErrorCode {
 *
 *     USER_NOT_FOUND(HttpStatus.NOT_FOUND, "No such user.", "The user id does not exist.");
 *
 *     // constructor and the three accessors
 * }
 *
 * throw new NotFoundException(ShopError.USER_NOT_FOUND, "No user has id 7.");
 * </pre>
 *
 * Typed exceptions reject a code whose status is not theirs, so code and status cannot disagree; declare the
 * codes as a bean of this type or of a collection of them ({@code ShopError.values()}) to publish them in the
 * catalog.
 */
public interface ApiErrorCode {

	/**
	 * Return the stable snake_case code sent as {@code error}; an enum constant answers its name in lower case.
	 * @return the code
	 */
	default String code() {
		if (this instanceof Enum<?> constant) {
			return constant.name().toLowerCase(Locale.ROOT);
		}
		throw new IllegalStateException(getClass().getName() + " must implement code()");
	}

	/**
	 * Return the HTTP status the code is answered with, from 400 to 599.
	 * @return the status
	 */
	HttpStatusCode status();

	/**
	 * Return the client message used when an exception gives none.
	 * @return the default message
	 */
	String message();

	/**
	 * Return a one-line description of when the error happens, for the published catalog and API documentation.
	 * @return the description, empty when there is none
	 */
	default String description() {
		return "";
	}

	/**
	 * Return whether the text is a valid error code: lower-case letters, digits and single underscores, starting
	 * with a letter ({@code [a-z][a-z0-9]*(_[a-z0-9]+)*}), at most 64 characters.
	 * @param code the candidate code
	 * @return whether it can be sent as {@code error}
	 */
	static boolean isValidCode(@Nullable String code) {
		if (code == null) {
			return false;
		}
		int length = code.length();
		if (length == 0 || length > 64 || code.charAt(0) < 'a' || code.charAt(0) > 'z') {
			return false;
		}
		for (int i = 1; i < length; i++) {
			char c = code.charAt(i);
			if (c == '_') {
				if (i == length - 1 || code.charAt(i + 1) == '_') {
					return false;
				}
			}
			else if ((c < 'a' || c > 'z') && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

}
