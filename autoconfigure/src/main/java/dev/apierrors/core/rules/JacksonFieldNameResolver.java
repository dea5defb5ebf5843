package dev.apierrors.core.rules;

import java.util.HashMap;
import java.util.Map;

import dev.apierrors.FieldNameResolver;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.introspect.ClassIntrospector;

/**
 * The {@link FieldNameResolver} that asks the application's Jackson mapper, so naming strategies and
 * {@code @JsonProperty} are honoured; each class is introspected once.
 */
public final class JacksonFieldNameResolver implements FieldNameResolver {

	private final ObjectMapper mapper;

	private final ClassValue<Map<String, Property>> properties = new ClassValue<>() {

		@Override
		protected Map<String, Property> computeValue(Class<?> type) {
			return introspect(type);
		}

	};

	/**
	 * Create names backed by the given mapper.
	 * @param mapper the application's mapper
	 */
	public JacksonFieldNameResolver(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public String toJsonPath(Class<?> rootType, String javaPath) {
		StringBuilder json = new StringBuilder(javaPath.length() + 8);
		Class<?> type = rootType;
		for (String segment : javaPath.split("\\.")) {
			int bracket = segment.indexOf('[');
			String name = (bracket >= 0) ? segment.substring(0, bracket) : segment;
			String suffix = (bracket >= 0) ? segment.substring(bracket) : "";
			Property property = (type != null) ? propertiesOf(type).get(name) : null;
			if (json.length() > 0) {
				json.append('.');
			}
			json.append((property != null) ? property.jsonName : name).append(suffix);
			type = (property != null) ? property.elementType : null;
		}
		return json.toString();
	}

	private Map<String, Property> propertiesOf(Class<?> type) {
		return this.properties.get(type);
	}

	private Map<String, Property> introspect(Class<?> type) {
		try {
			DeserializationConfig config = this.mapper.deserializationConfig();
			ClassIntrospector introspector = config.classIntrospectorInstance().forOperation(config);
			JavaType javaType = this.mapper.constructType(type);
			AnnotatedClass annotated = introspector.introspectClassAnnotations(javaType);
			BeanDescription description = introspector.introspectForDeserialization(javaType, annotated);
			Map<String, Property> result = new HashMap<>();
			for (BeanPropertyDefinition definition : description.findProperties()) {
				result.put(definition.getInternalName(), new Property(definition.getName(), elementType(definition)));
			}
			return result;
		}
		catch (RuntimeException ex) {
			return Map.of();
		}
	}

	private static Class<?> elementType(BeanPropertyDefinition definition) {
		AnnotatedMember member = definition.getPrimaryMember();
		if (member == null) {
			return null;
		}
		JavaType type = member.getType();
		JavaType content = type.getContentType();
		return ((content != null) ? content : type).getRawClass();
	}

	private record Property(String jsonName, Class<?> elementType) {
	}

}
