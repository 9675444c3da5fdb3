package com.certcare.survey.campaign;

/** How an answer came in: the client online by its link, or staff entering it from a phone call or a fax. */
public enum AnswerChannel {
    ONLINE, PHONE, FAX
}
