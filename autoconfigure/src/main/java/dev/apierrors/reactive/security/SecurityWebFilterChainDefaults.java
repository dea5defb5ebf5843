package dev.apierrors.reactive.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.apierrors.reactive.ReactiveErrorWriter;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerHttpBasicAuthenticationConverter;
import org.springframework.security.web.server.authorization.ExceptionTranslationWebFilter;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes the starter's entry point and access-denied handler the defaults of every {@code SecurityWebFilterChain}
 * once it is built, since WebFlux's {@code ServerHttpSecurity} keeps its defaults to itself. Only Spring
 * Security's own defaults are replaced: the entry point of a chain without a login mechanism of its own (Security's
 * default would announce HTTP Basic, which such a chain does not accept) and the plain-text access-denied handlers
 * of the exception translation and CSRF filters. A handler the application set, and the entry point of a login mechanism
 * (HTTP Basic, form login, an OAuth2 resource server, ...), are kept; whatever they answer without a body still
 * gets the uniform body. A chain with HTTP Basic also tells the error writer its challenge, so that every 401 of
 * the chain announces the scheme the chain accepts.
 */
public final class SecurityWebFilterChainDefaults implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(SecurityWebFilterChainDefaults.class);

	private final Supplier<ServerAuthenticationEntryPoint> entryPoint;

	private final Supplier<ServerAccessDeniedHandler> accessDeniedHandler;

	/**
	 * Create the post-processor.
	 * @param entryPoint supplies the starter's entry point, asked when a chain needs it
	 * @param accessDeniedHandler supplies the starter's access-denied handler, asked when a chain needs it
	 */
	public SecurityWebFilterChainDefaults(Supplier<ServerAuthenticationEntryPoint> entryPoint,
			Supplier<ServerAccessDeniedHandler> accessDeniedHandler) {
		this.entryPoint = entryPoint;
		this.accessDeniedHandler = accessDeniedHandler;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof SecurityWebFilterChain chain)) {
			return bean;
		}
		List<WebFilter> filters = chain.getWebFilters().collectList().block();
		if (filters == null) {
			return bean;
		}
		String basicChallenge = null;
		for (WebFilter filter : filters) {
			if (filter instanceof AuthenticationWebFilter authentication && read(AuthenticationWebFilter.class,
					"authenticationConverter", authentication) instanceof ServerHttpBasicAuthenticationConverter) {
				basicChallenge = "Basic realm=\"Realm\"";
			}
		}
		for (WebFilter filter : filters) {
			if (filter instanceof ExceptionTranslationWebFilter translation) {
				Object current = read(ExceptionTranslationWebFilter.class, "authenticationEntryPoint", translation);
				// Without HTTP Basic in the chain, a Basic entry point is the filter's own default.
				if (basicChallenge == null && current != null
						&& current.getClass() == HttpBasicServerAuthenticationEntryPoint.class) {
					translation.setAuthenticationEntryPoint(this.entryPoint.get());
				}
				else if (basicChallenge != null && current instanceof HttpBasicServerAuthenticationEntryPoint basic
						&& read(HttpBasicServerAuthenticationEntryPoint.class, "headerValue", basic) instanceof String value) {
					basicChallenge = value;
				}
				if (isDefaultAccessDeniedHandler(
						read(ExceptionTranslationWebFilter.class, "accessDeniedHandler", translation))) {
					translation.setAccessDeniedHandler(this.accessDeniedHandler.get());
				}
			}
			else if (filter instanceof CsrfWebFilter csrf
					&& isDefaultAccessDeniedHandler(read(CsrfWebFilter.class, "accessDeniedHandler", csrf))) {
				csrf.setAccessDeniedHandler(this.accessDeniedHandler.get());
			}
		}
		return (basicChallenge != null) ? new ChallengeAnnouncingChain(chain, filters, basicChallenge) : bean;
	}

	private static boolean isDefaultAccessDeniedHandler(@Nullable Object handler) {
		return handler != null && handler.getClass() == HttpStatusServerAccessDeniedHandler.class;
	}

	private static @Nullable Object read(Class<?> type, String name, Object target) {
		Field field = ReflectionUtils.findField(type, name);
		if (field == null) {
			logger.debug("No field {} on {}: Spring Security's default is kept", name, type.getName());
			return null;
		}
		ReflectionUtils.makeAccessible(field);
		return ReflectionUtils.getField(field, target);
	}

	/**
	 * A filter chain whose first filter tells the error writer the chain's HTTP Basic challenge.
	 */
	private static final class ChallengeAnnouncingChain implements SecurityWebFilterChain {

		private final SecurityWebFilterChain chain;

		private final List<WebFilter> filters;

		ChallengeAnnouncingChain(SecurityWebFilterChain chain, List<WebFilter> filters, String challenge) {
			this.chain = chain;
			List<WebFilter> announced = new ArrayList<>(filters.size() + 1);
			announced.add((exchange, next) -> announce(exchange, next, challenge));
			announced.addAll(filters);
			this.filters = List.copyOf(announced);
		}

		private static Mono<Void> announce(ServerWebExchange exchange, WebFilterChain next, String challenge) {
			exchange.getAttributes().put(ReactiveErrorWriter.CHALLENGE_ATTRIBUTE, challenge);
			return next.filter(exchange);
		}

		@Override
		public Mono<Boolean> matches(ServerWebExchange exchange) {
			return this.chain.matches(exchange);
		}

		@Override
		public Flux<WebFilter> getWebFilters() {
			return Flux.fromIterable(this.filters);
		}

	}

}
