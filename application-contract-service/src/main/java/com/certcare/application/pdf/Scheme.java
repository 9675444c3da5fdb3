package com.certcare.application.pdf;

/** A certification scheme as printed: its code ({@code QMS}) and its name (GB/T 19001-2016 / ISO 9001:2015 质量管理体系). */
public record Scheme(String code, String name) {
}
