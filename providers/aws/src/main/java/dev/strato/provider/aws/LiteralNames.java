package dev.strato.provider.aws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the bucket names of a generated template as literals. The generator cannot know the
 * account, so a bucket's name is {@code !Sub '<name>-${AWS::AccountId}-${AWS::Region}'}; but
 * CloudFormation imports an existing resource only when "the resource must have a static custom
 * name defined in your template. Dynamic names (using !Ref or other functions) are not currently
 * supported" (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/import-resources-automatically.html).
 * Deploy knows account and region, so it sends the same names spelled out: a bucket kept by
 * {@code strato remove} (and its policy) can then be adopted by the next deploy. Only that exact
 * form of the two name properties is touched; nothing else in the template changes.
 */
final class LiteralNames {

    private static final Pattern BUCKET_NAME = Pattern.compile(
            "^( +)(BucketName|Bucket): !Sub '([a-z0-9][a-z0-9.-]*)-\\$\\{AWS::AccountId\\}-\\$\\{AWS::Region\\}'$",
            Pattern.MULTILINE);

    private LiteralNames() {}

    /** Whether a deployed template names its buckets with !Sub (it was created before literal names). */
    static boolean hasSubstitutedNames(String template) {
        return BUCKET_NAME.matcher(template).find();
    }

    static String apply(String template, String accountId, String region) {
        Matcher m = BUCKET_NAME.matcher(template);
        StringBuilder out = new StringBuilder(template.length());
        while (m.find()) {
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            m.group(1) + m.group(2) + ": '" + m.group(3) + "-" + accountId + "-" + region + "'"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
