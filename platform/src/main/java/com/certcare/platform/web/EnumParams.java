package com.certcare.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.RestQuery;

import com.certcare.platform.problem.ProblemException;

/**
 * Enum query parameters: an unknown value is a 400 naming the parameter and the allowed values (JAX-RS
 * would answer 404, as if the address did not exist). The problem travels inside a WebApplicationException,
 * which the REST layer passes on as it is; ProblemMappers unwraps it.
 */
@Provider
public class EnumParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        String name = nameOf(annotations);
        Class<? extends Enum> type = (Class<? extends Enum>) rawType;
        return new ParamConverter<T>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                for (Enum<?> constant : type.getEnumConstants()) {
                    if (constant.name().equalsIgnoreCase(value.strip())) {
                        return (T) constant;
                    }
                }
                String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
                throw new WebApplicationException(ProblemException.invalid(name, "one-of", allowed), 400);
            }

            @Override
            public String toString(T value) {
                return value == null ? null : ((Enum<?>) value).name();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof RestQuery q && !q.value().isEmpty()) {
                return q.value();
            }
            if (a instanceof QueryParam q) {
                return q.value();
            }
        }
        return "query";
    }
}
