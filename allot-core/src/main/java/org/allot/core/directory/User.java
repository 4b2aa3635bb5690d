package org.allot.core.directory;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A person in the directory, cloud-only or synced from on-premises Active Directory.
 *
 * @param onPremisesUserPrincipalName a synced user's principal name in its directory (null when it has none there); its
 *     {@code userPrincipalName} is the same unless the directory's domain is not verified in the tenant
 * @param onPremises the synced user's distinguished name, domain, security identifier and time of last sync
 */
public record User(
        UserId id,
        String userPrincipalName,
        String displayName,
        String givenName,
        String surname,
        String mail,
        String mailNickname,
        String department,
        String jobTitle,
        String companyName,
        String city,
        String country,
        String employeeId,
        UsageLocation usageLocation,
        UserType userType,
        boolean accountEnabled,
        boolean onPremisesSyncEnabled,
        String onPremisesImmutableId,
        String onPremisesSamAccountName,
        Instant createdDateTime,
        Instant deletedDateTime,
        ExtensionAttributes extensionAttributes,
        String onPremisesUserPrincipalName,
        OnPremisesAttributes onPremises) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        Objects.requireNonNull(userType, "userType");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
        extensionAttributes = extensionAttributes == null ? ExtensionAttributes.NONE : extensionAttributes;
        onPremises = onPremises == null ? OnPremisesAttributes.NONE : onPremises;
    }

    public boolean isDeleted() {
        return deletedDateTime != null;
    }

    public boolean isGuest() {
        return userType == UserType.Guest;
    }

    /** The domain part of the user principal name, lower case. */
    public String domain() {
        return userPrincipalName
                .substring(userPrincipalName.lastIndexOf('@') + 1)
                .toLowerCase(Locale.ROOT);
    }

    /** The value of an attribute as it is set through the API (text, Boolean, UsageLocation or UserType). */
    public Object get(UserAttribute attribute) {
        return switch (attribute) {
            case USER_PRINCIPAL_NAME -> userPrincipalName;
            case DISPLAY_NAME -> displayName;
            case GIVEN_NAME -> givenName;
            case SURNAME -> surname;
            case MAIL -> mail;
            case MAIL_NICKNAME -> mailNickname;
            case DEPARTMENT -> department;
            case JOB_TITLE -> jobTitle;
            case COMPANY_NAME -> companyName;
            case CITY -> city;
            case COUNTRY -> country;
            case EMPLOYEE_ID -> employeeId;
            case USAGE_LOCATION -> usageLocation;
            case USER_TYPE -> userType;
            case ACCOUNT_ENABLED -> accountEnabled;
            case ON_PREMISES_IMMUTABLE_ID -> onPremisesImmutableId;
            default -> extensionAttributes.get(attribute.extension());
        };
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder(UserId id, String userPrincipalName, Instant createdDateTime) {
        return new Builder(id, userPrincipalName, createdDateTime);
    }

    /** Builds users and changed copies of them. */
    public static final class Builder {
        private UserId id;
        private String userPrincipalName;
        private String displayName;
        private String givenName;
        private String surname;
        private String mail;
        private String mailNickname;
        private String department;
        private String jobTitle;
        private String companyName;
        private String city;
        private String country;
        private String employeeId;
        private UsageLocation usageLocation;
        private UserType userType = UserType.Member;
        private boolean accountEnabled = true;
        private boolean onPremisesSyncEnabled;
        private String onPremisesImmutableId;
        private String onPremisesSamAccountName;
        private Instant createdDateTime;
        private Instant deletedDateTime;
        private ExtensionAttributes extensionAttributes = ExtensionAttributes.NONE;
        private String onPremisesUserPrincipalName;
        private OnPremisesAttributes onPremises = OnPremisesAttributes.NONE;

        private Builder(UserId id, String userPrincipalName, Instant createdDateTime) {
            this.id = id;
            this.userPrincipalName = userPrincipalName;
            this.createdDateTime = createdDateTime;
        }

        private Builder(User u) {
            id = u.id;
            userPrincipalName = u.userPrincipalName;
            displayName = u.displayName;
            givenName = u.givenName;
            surname = u.surname;
            mail = u.mail;
            mailNickname = u.mailNickname;
            department = u.department;
            jobTitle = u.jobTitle;
            companyName = u.companyName;
            city = u.city;
            country = u.country;
            employeeId = u.employeeId;
            usageLocation = u.usageLocation;
            userType = u.userType;
            accountEnabled = u.accountEnabled;
            onPremisesSyncEnabled = u.onPremisesSyncEnabled;
            onPremisesImmutableId = u.onPremisesImmutableId;
            onPremisesSamAccountName = u.onPremisesSamAccountName;
            createdDateTime = u.createdDateTime;
            deletedDateTime = u.deletedDateTime;
            extensionAttributes = u.extensionAttributes;
            onPremisesUserPrincipalName = u.onPremisesUserPrincipalName;
            onPremises = u.onPremises;
        }

        /** Sets an attribute from a value of its kind (text, Boolean, UsageLocation or UserType); null clears. */
        public Builder set(UserAttribute attribute, Object value) {
            switch (attribute) {
                case USER_PRINCIPAL_NAME -> userPrincipalName = (String) value;
                case DISPLAY_NAME -> displayName = (String) value;
                case GIVEN_NAME -> givenName = (String) value;
                case SURNAME -> surname = (String) value;
                case MAIL -> mail = (String) value;
                case MAIL_NICKNAME -> mailNickname = (String) value;
                case DEPARTMENT -> department = (String) value;
                case JOB_TITLE -> jobTitle = (String) value;
                case COMPANY_NAME -> companyName = (String) value;
                case CITY -> city = (String) value;
                case COUNTRY -> country = (String) value;
                case EMPLOYEE_ID -> employeeId = (String) value;
                case USAGE_LOCATION -> usageLocation = (UsageLocation) value;
                case USER_TYPE -> userType = value == null ? UserType.Member : (UserType) value;
                case ACCOUNT_ENABLED -> accountEnabled = value == null || (Boolean) value;
                case ON_PREMISES_IMMUTABLE_ID -> onPremisesImmutableId = (String) value;
                default -> extensionAttributes = extensionAttributes.with(attribute.extension(), (String) value);
            }
            return this;
        }

        public Builder displayName(String value) {
            return set(UserAttribute.DISPLAY_NAME, value);
        }

        public Builder usageLocation(UsageLocation value) {
            return set(UserAttribute.USAGE_LOCATION, value);
        }

        public Builder userType(UserType value) {
            return set(UserAttribute.USER_TYPE, value);
        }

        public Builder department(String value) {
            return set(UserAttribute.DEPARTMENT, value);
        }

        public Builder onPremises(String immutableId, String samAccountName) {
            onPremisesSyncEnabled = immutableId != null;
            onPremisesImmutableId = immutableId;
            onPremisesSamAccountName = samAccountName;
            return this;
        }

        /** The synced user's principal name in its directory. */
        public Builder onPremisesUserPrincipalName(String value) {
            onPremisesUserPrincipalName = value;
            return this;
        }

        /** The synced user's distinguished name, domain, security identifier and time of last sync. */
        public Builder onPremisesAttributes(OnPremisesAttributes value) {
            onPremises = value;
            return this;
        }

        /** A new principal name. */
        public Builder userPrincipalName(String value) {
            userPrincipalName = value;
            return this;
        }

        public Builder deletedDateTime(Instant value) {
            deletedDateTime = value;
            return this;
        }

        public User build() {
            return new User(
                    id,
                    userPrincipalName,
                    displayName,
                    givenName,
                    surname,
                    mail,
                    mailNickname,
                    department,
                    jobTitle,
                    companyName,
                    city,
                    country,
                    employeeId,
                    usageLocation,
                    userType,
                    accountEnabled,
                    onPremisesSyncEnabled,
                    onPremisesImmutableId,
                    onPremisesSamAccountName,
                    createdDateTime,
                    deletedDateTime,
                    extensionAttributes,
                    onPremisesUserPrincipalName,
                    onPremises);
        }
    }
}
