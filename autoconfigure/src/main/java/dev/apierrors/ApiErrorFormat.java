package dev.apierrors;

/**
 * Wire formats of an error body, chosen with {@code api.errors.format}.
 */
public enum ApiErrorFormat {

	/** {@code application/json} with {@code error}, {@code message} and {@code request_id}. */
	SIMPLE,

	/**
	 * RFC 9457 {@code application/problem+json} with {@code type}, {@code title}, {@code status}, {@code detail} and
	 * {@code instance}, plus {@code error} and {@code request_id} as extension members.
	 */
	PROBLEM_DETAILS

}
