package dev.apierrors.servlet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Creates the id of a request that arrived without a valid one.
 */
@FunctionalInterface
public interface RequestIdSource {

	/** 128 random bits, base64url encoded. */
	RequestIdSource RANDOM = (request) -> RequestIds.generate();

	/**
	 * Return a new id for the request.
	 * @param request the request
	 * @return an id made of the characters {@link RequestIds#isValid(String)} accepts
	 */
	String newId(HttpServletRequest request);

}
