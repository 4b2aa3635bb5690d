package org.allot.cli.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.allot.cli.process.Exit;
import org.allot.cli.process.Failure;
import org.junit.jupiter.api.Test;

/** Reading import files: columns by name in any case, records with their line, malformed lines reported. */
class CsvFileTest {

    @Test
    void recordsKnowTheirLineAndColumnsTheirCanonicalName() {
        CsvFile file = read("""
                UPN,DisplayName,usagelocation
                ada@contoso.com,Ada Lovelace,GB

                "linus@contoso.com","Torvalds, Linus",FI
                """);
        assertThat(file.columns()).containsExactly("userPrincipalName", "displayName", "usageLocation");
        assertThat(file.records())
                .extracting(CsvFile.Record::line, r -> r.get("displayName"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "Ada Lovelace"),
                        org.assertj.core.groups.Tuple.tuple(4, "Torvalds, Linus"));
        assertThat(file.problems()).isEmpty();
    }

    @Test
    void cellsDefusedForSpreadsheetsAreReadAsTheyWere() {
        CsvFile file = read("""
                userPrincipalName,department,jobTitle
                ada@contoso.com,'-Ops,'=Chief
                bob@contoso.com,'Quoted,It's fine
                """);
        assertThat(file.records().get(0).values())
                .containsEntry("department", "-Ops")
                .containsEntry("jobTitle", "=Chief");
        assertThat(file.records().get(1).values())
                .as("an apostrophe before anything else is the value's own")
                .containsEntry("department", "'Quoted")
                .containsEntry("jobTitle", "It's fine");
    }

    @Test
    void aQuotedValueOverSeveralLinesKeepsTheLineItStartsOn() {
        CsvFile file = read("userPrincipalName,displayName\n\"a@contoso.com\",\"two\nlines\"\nb@contoso.com,B\n");
        assertThat(file.records()).extracting(CsvFile.Record::line).containsExactly(2, 4);
        assertThat(file.records().get(0).get("displayName")).isEqualTo("two\nlines");
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsIsAProblemAndTheOthersAreKept() {
        CsvFile file = read("""
                userPrincipalName,displayName
                a@contoso.com,A,surplus
                b@contoso.com
                c@contoso.com,C,,
                """);
        assertThat(file.problems())
                .containsExactly(
                        new CsvFile.Problem(2, "has 3 fields where the header has 2 columns"),
                        new CsvFile.Problem(3, "has 1 fields where the header has 2 columns"));
        assertThat(file.records()).extracting(CsvFile.Record::line).containsExactly(4);
    }

    @Test
    void emptyCellsAreLeftOut() {
        CsvFile file = read("userPrincipalName,department\na@contoso.com,  \n");
        assertThat(file.records().get(0).values()).isEqualTo(Map.of("userPrincipalName", "a@contoso.com"));
    }

    @Test
    void anUnclosedQuoteStopsTheFileAtTheLineWhereItStarts() {
        CsvFile file = read("userPrincipalName,displayName\na@contoso.com,A\nb@contoso.com,\"B\nc@contoso.com,C\n");
        assertThat(file.records()).extracting(CsvFile.Record::line).containsExactly(2);
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("cannot be read", "the rest are skipped");
        });
    }

    @Test
    void excelFilesWithAByteOrderMarkAndSemicolonsAreRead() {
        CsvFile file = read("\uFEFFuserPrincipalName;displayName\na@contoso.com;Ada, Countess\n");
        assertThat(file.records().get(0).values())
                .containsEntry("userPrincipalName", "a@contoso.com")
                .containsEntry("displayName", "Ada, Countess");
    }

    @Test
    void anUnknownColumnRejectsTheWholeFile() {
        assertThatThrownBy(() -> read("userPrincipalName,shoeSize\na@contoso.com,44\n"))
                .isInstanceOfSatisfying(Failure.class, f -> {
                    assertThat(f.exit()).isEqualTo(Exit.USAGE);
                    assertThat(f.getMessage()).contains("line 1", "unknown column 'shoeSize'", "displayName");
                });
    }

    @Test
    void aMissingRequiredColumnRejectsTheWholeFile() {
        assertThatThrownBy(() -> CsvFile.read("a.csv", "sku\nE5\n", LicenseImport.COLUMNS))
                .isInstanceOfSatisfying(
                        Failure.class, f -> assertThat(f.getMessage()).contains("no column userPrincipalName"));
    }

    @Test
    void anEmptyFileIsAUsageError() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOfSatisfying(Failure.class, f -> assertThat(f.exit()).isEqualTo(Exit.USAGE));
    }

    @Test
    void columnsAppearOnce() {
        assertThatThrownBy(() -> read("upn,userPrincipalName\na,b\n"))
                .isInstanceOfSatisfying(
                        Failure.class, f -> assertThat(f.getMessage()).contains("appears twice"));
    }

    private static CsvFile read(String text) {
        return CsvFile.read("users.csv", text, UserImport.COLUMNS);
    }
}
