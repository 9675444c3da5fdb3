package com.certcare.application.document;

/** What a public document is (clause 4.1.1; ISO/IEC 17021-1 8.1). */
public enum DocumentKind {
    /** 认证规则 / certification rules */
    CERTIFICATION_RULES,
    /** 认证方案介绍 / scheme introduction */
    SCHEME_INTRODUCTION,
    /** 收费标准 / fee schedule */
    FEE_SCHEDULE,
    /** 权利和义务 / rights and obligations */
    RIGHTS_AND_OBLIGATIONS,
    /** 证书和标志使用规则 / certificate and mark-use rules */
    CERTIFICATE_AND_MARK_USE,
    /** 投诉和申诉程序 / complaint and appeal procedure */
    COMPLAINTS_AND_APPEALS,
    /** 公正性政策 / impartiality policy */
    IMPARTIALITY_POLICY
}
