package com.certcare.application.applying;

/** What an attached file proves: the business licence (营业执照), a permit (许可证) some schemes need, or other. */
public enum AttachmentKind {
    BUSINESS_LICENCE, PERMIT, OTHER;

    /** The kind a multipart part's name stands for, or null. */
    static AttachmentKind ofPart(String name) {
        for (AttachmentKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
