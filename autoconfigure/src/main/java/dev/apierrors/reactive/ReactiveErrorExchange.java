package dev.apierrors.reactive;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.apierrors.core.ErrorExchange;

import org.springframework.web.server.ServerWebExchange;

/**
 * A WebFlux exchange as the core sees it.
 */
final class ReactiveErrorExchange implements ErrorExchange {

	private static final String LOGGED = ReactiveErrorExchange.class.getName() + ".logged";

	private final ServerWebExchange exchange;

	private final String requestId;

	ReactiveErrorExchange(ServerWebExchange exchange, String requestId) {
		this.exchange = exchange;
		this.requestId = requestId;
	}

	@Override
	public String method() {
		return this.exchange.getRequest().getMethod().name();
	}

	@Override
	public String path() {
		return this.exchange.getRequest().getPath().value();
	}

	@Override
	public String requestId() {
		return this.requestId;
	}

	@Override
	public Locale locale() {
		Locale locale = this.exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.getDefault();
	}

	@Override
	public @Nullable String existingHeader(String name) {
		return this.exchange.getResponse().getHeaders().getFirst(name);
	}

	@Override
	public @Nullable String challenge() {
		return this.exchange.getAttribute(ReactiveErrorWriter.CHALLENGE_ATTRIBUTE);
	}

	@Override
	public boolean markLogged() {
		return this.exchange.getAttributes().putIfAbsent(LOGGED, Boolean.TRUE) == null;
	}

}
