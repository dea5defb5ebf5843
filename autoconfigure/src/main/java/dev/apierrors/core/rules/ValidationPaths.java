package dev.apierrors.core.rules;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Turns a bean validation property path into the name a client sent: method and return-value nodes are
 * dropped, so {@code getOrder.id} becomes {@code id}.
 */
final class ValidationPaths {

	private ValidationPaths() {
	}

	static String of(ConstraintViolation<?> violation) {
		StringBuilder path = new StringBuilder();
		for (Path.Node node : violation.getPropertyPath()) {
			ElementKind kind = node.getKind();
			if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
					|| kind == ElementKind.CROSS_PARAMETER) {
				continue;
			}
			if (node.getIndex() != null) {
				path.append('[').append(node.getIndex()).append(']');
			}
			else if (node.getKey() != null) {
				path.append('[').append(node.getKey()).append(']');
			}
			if (kind == ElementKind.BEAN || node.getName() == null || kind == ElementKind.CONTAINER_ELEMENT) {
				continue;
			}
			if (path.length() > 0) {
				path.append('.');
			}
			path.append(node.getName());
		}
		return (path.length() > 0) ? path.toString() : "$";
	}

}
