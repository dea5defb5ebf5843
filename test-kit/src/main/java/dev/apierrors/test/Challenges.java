package dev.apierrors.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads the challenges of {@code WWW-Authenticate} header values (RFC 9110 section 11.6.1): {@code challenge =
 * auth-scheme [ 1*SP ( token68 / #auth-param ) ]}, {@code auth-param = token BWS "=" BWS ( token / quoted-string )},
 * several challenges in one value or in several values.
 */
final class Challenges {

	private final String text;

	private int position;

	private Challenges(String text) {
		this.text = text;
	}

	/**
	 * Read every challenge of the header values.
	 * @param values the {@code WWW-Authenticate} values
	 * @return the challenges in order
	 * @throws IllegalArgumentException when a value is not a list of challenges
	 */
	static List<Challenge> parse(List<String> values) {
		List<Challenge> challenges = new ArrayList<>();
		for (String value : values) {
			challenges.addAll(new Challenges(value).challenges());
		}
		return challenges;
	}

	private List<Challenge> challenges() {
		List<Challenge> challenges = new ArrayList<>();
		while (true) {
			skipListSeparators();
			if (atEnd()) {
				return challenges;
			}
			String scheme = token();
			if (scheme.isEmpty()) {
				throw invalid("an auth-scheme");
			}
			challenges.add(challenge(scheme));
		}
	}

	private Challenge challenge(String scheme) {
		Map<String, String> parameters = new LinkedHashMap<>();
		int afterScheme = this.position;
		while (!atEnd() && peek() == ' ') {
			this.position++;
		}
		if (atEnd() || peek() == ',' || this.position == afterScheme) {
			expectEndOfElement();
			return new Challenge(scheme, null, parameters);
		}
		if (!parameter(parameters)) {
			String token68 = token68();
			if (token68.isEmpty()) {
				throw invalid("a token68 or an auth-param");
			}
			expectEndOfElement();
			return new Challenge(scheme, token68, parameters);
		}
		while (true) {
			skipWhitespace();
			if (atEnd()) {
				return new Challenge(scheme, null, parameters);
			}
			if (peek() != ',') {
				throw invalid("',' between auth-params");
			}
			skipListSeparators();
			int next = this.position;
			if (atEnd() || !parameter(parameters)) {
				// Not an auth-param: the next challenge starts here.
				this.position = next;
				return new Challenge(scheme, null, parameters);
			}
		}
	}

	/**
	 * Read {@code token BWS "=" BWS ( token / quoted-string )} into the parameters, or leave the position
	 * unchanged and return {@code false} when the text there is no auth-param.
	 */
	private boolean parameter(Map<String, String> parameters) {
		int start = this.position;
		String name = token();
		skipWhitespace();
		if (name.isEmpty() || atEnd() || peek() != '=') {
			this.position = start;
			return false;
		}
		this.position++;
		skipWhitespace();
		String value;
		if (!atEnd() && peek() == '"') {
			value = quotedString();
		}
		else {
			value = token();
			if (value.isEmpty()) {
				this.position = start;
				return false;
			}
		}
		parameters.put(name.toLowerCase(Locale.ROOT), value);
		return true;
	}

	private String quotedString() {
		StringBuilder value = new StringBuilder();
		this.position++;
		while (!atEnd()) {
			char c = this.text.charAt(this.position++);
			if (c == '"') {
				return value.toString();
			}
			if (c == '\\') {
				if (atEnd()) {
					break;
				}
				c = this.text.charAt(this.position++);
			}
			value.append(c);
		}
		throw invalid("the closing '\"' of a quoted-string");
	}

	private String token() {
		int start = this.position;
		while (!atEnd() && isTokenChar(peek())) {
			this.position++;
		}
		return this.text.substring(start, this.position);
	}

	private String token68() {
		int start = this.position;
		while (!atEnd() && isToken68Char(peek())) {
			this.position++;
		}
		while (!atEnd() && peek() == '=' && this.position > start) {
			this.position++;
		}
		return this.text.substring(start, this.position);
	}

	private void expectEndOfElement() {
		skipWhitespace();
		if (!atEnd() && peek() != ',') {
			throw invalid("',' or the end of the value");
		}
	}

	private void skipListSeparators() {
		while (!atEnd() && (peek() == ',' || peek() == ' ' || peek() == '\t')) {
			this.position++;
		}
	}

	private void skipWhitespace() {
		while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
			this.position++;
		}
	}

	private boolean atEnd() {
		return this.position >= this.text.length();
	}

	private char peek() {
		return this.text.charAt(this.position);
	}

	private IllegalArgumentException invalid(String expected) {
		return new IllegalArgumentException(
				"expected " + expected + " at position " + this.position + " of '" + this.text + "'");
	}

	private static boolean isTokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}

	private static boolean isToken68Char(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~+/".indexOf(c) >= 0;
	}

	/**
	 * One challenge: its scheme and either a token68 or auth-params (names in lower case, values unquoted).
	 *
	 * @param scheme the auth-scheme as sent
	 * @param token68 the token68, or {@code null}
	 * @param parameters the auth-params by lower-case name
	 */
	record Challenge(String scheme, @Nullable String token68, Map<String, String> parameters) {

		Challenge {
			parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		}

		boolean hasScheme(String name) {
			return this.scheme.equalsIgnoreCase(name);
		}

	}

}
