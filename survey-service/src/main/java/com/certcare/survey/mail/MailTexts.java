package com.certcare.survey.mail;

import java.time.LocalDate;
import java.time.ZoneId;

import com.certcare.survey.campaign.Dispatch;
import com.certcare.survey.campaign.SurveyMail;

/** The invitation and the reminder, in Chinese then English, as text and HTML. */
final class MailTexts {

    private MailTexts() {
    }

    static String subject(SurveyMail.Kind kind, String formNumber) {
        return kind == SurveyMail.Kind.INVITATION
                ? "《" + formNumber + " 认证客户满意度调查表》邀请 / Satisfaction survey invitation"
                : "提醒：《" + formNumber + " 认证客户满意度调查表》尚待填写 / Reminder: satisfaction survey";
    }

    static String text(SurveyMail.Kind kind, Dispatch d, String link, String signature, ZoneId zone) {
        LocalDate until = d.expiresAt.atZone(zone).toLocalDate().minusDays(1);
        String zh = (kind == SurveyMail.Kind.REMINDER ? "我们尚未收到贵单位的满意度调查答复。" : "")
                + d.customerName + "：\n\n感谢贵单位选择我们的认证服务。请通过以下链接填写满意度调查表（约 5 分钟），"
                + "链接仅可使用一次，有效期至 " + until + "：\n\n" + link + "\n\n" + signature;
        String en = "Dear " + d.customerName + ",\n\n"
                + (kind == SurveyMail.Kind.REMINDER ? "We have not yet received your answer to our satisfaction survey. " : "")
                + "Thank you for choosing our certification services. Please answer our satisfaction survey (about 5 minutes)"
                + " through this link; it can be used once and is valid until " + until + ":\n\n" + link;
        return zh + "\n\n----\n\n" + en + "\n";
    }

    static String html(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<html><body><pre style=\"font-family:sans-serif;white-space:pre-wrap\">"
                + escaped.replaceAll("(https?://\\S+)", "<a href=\"$1\">$1</a>") + "</pre></body></html>";
    }
}
