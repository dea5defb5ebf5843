package dev.apierrors.it.catalogextra;

import dev.apierrors.ApiErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Codes outside the application's packages and declared nowhere: the catalog learns them when an exception
 * carries one.
 */
public enum PartnerError implements ApiErrorCode {

	PARTNER_QUOTA_USED, PARTNER_ACCOUNT_CLOSED;

	@Override
	public HttpStatusCode status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public String message() {
		return "The partner refused the request.";
	}

}
