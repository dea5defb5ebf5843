package dev.apierrors.client;

import org.jspecify.annotations.Nullable;

import dev.apierrors.ApiRequestId;
import dev.apierrors.core.requestid.RequestIds;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The id of the request the current thread works on, for the calls it makes to other services: from the MDC
 * (request threads, {@code @Async} tasks, context propagation), else from the attribute of the request bound to the
 * thread by Spring MVC; only a valid id is ever returned.
 */
final class CurrentRequestId {

	private CurrentRequestId() {
	}

	static @Nullable String get() {
		String fromMdc = ApiRequestId.current();
		if (RequestIds.isValid(fromMdc)) {
			return fromMdc;
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			try {
				Object fromRequest = attributes.getAttribute(ApiRequestId.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
				if (fromRequest instanceof String id && RequestIds.isValid(id)) {
					return id;
				}
			}
			catch (IllegalStateException ex) {
				// The request is no longer active.
			}
		}
		return null;
	}

	static @Nullable String valid(@Nullable Object candidate) {
		return (candidate instanceof String id && RequestIds.isValid(id)) ? id : null;
	}

	static boolean decodingSwitchedOff(java.util.Map<String, Object> attributes) {
		Object decode = attributes.get(dev.apierrors.UpstreamErrorException.DECODE_ATTRIBUTE);
		return Boolean.FALSE.equals(decode) || "false".equals(decode);
	}

}
