package org.allot.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables for people, JSON and CSV for scripts. */
class PrinterTest {
    private final Table skus = Table.of("skuPartNumber", "total", "plans")
            .add("ENTERPRISEPACK", 25, List.of("SWAY", "FORMS_PLAN_E3"))
            .add("SPE_E5", 1000, null);

    @Test
    void tablesAlignTheirColumnsAndRightAlignNumbers() {
        assertThat(Printer.render(skus)).isEqualTo("""
                        skuPartNumber   total  plans
                        ENTERPRISEPACK     25  SWAY,FORMS_PLAN_E3
                        SPE_E5           1000
                        """);
    }

    @Test
    void anEmptyTablePrintsNothingAndSaysSoOnStderr() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        new Printer(new PrintWriter(out), new PrintWriter(err), OutputFormat.TABLE).print(Table.of("a", "b"));
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("No results.\n");
    }

    @Test
    void itemsListOnePropertyALine() {
        Item user = Item.of().put("userPrincipalName", "ada@contoso.com").put("usageLocation", null);
        assertThat(Printer.render(user)).isEqualTo("""
                        userPrincipalName  ada@contoso.com
                        usageLocation
                        """);
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        Table table = Table.of("displayName", "licenses")
                .add("Torvalds, Linus", List.of("E3", "EMS"))
                .add("Ada", null);
        assertThat(Printer.csv(table)).isEqualTo("""
                        displayName,licenses
                        "Torvalds, Linus","E3,EMS"
                        Ada,
                        """);
        assertThat(Printer.csv(Table.of("a", "b"))).isEqualTo("a,b\n");
    }

    @Test
    void csvDefusesCellsASpreadsheetWouldRunAsFormulas() {
        Table table = Table.of("displayName", "department", "seats")
                .add("=cmd|' /C calc'!A1", "+SUM(A1)", -5)
                .add("@import", "-1+1", 3)
                .add("\tTabbed", "Sales", 0)
                .add("Ada=Lovelace", List.of("=E3", "EMS"), 1);

        assertThat(Printer.csv(table)).isEqualTo("""
                        displayName,department,seats
                        '=cmd|' /C calc'!A1,'+SUM(A1),-5
                        '@import,'-1+1,3
                        '\tTabbed,Sales,0
                        Ada=Lovelace,"'=E3,EMS",1
                        """);
    }

    @Test
    void jsonKeepsNumbersListsAndNulls() {
        StringWriter out = new StringWriter();
        new Printer(new PrintWriter(out), new PrintWriter(new StringWriter()), OutputFormat.JSON).print(skus);
        assertThat(out.toString().replaceAll("\\s+", ""))
                .isEqualTo(
                        "[{\"skuPartNumber\":\"ENTERPRISEPACK\",\"total\":25,\"plans\":[\"SWAY\",\"FORMS_PLAN_E3\"]},"
                                + "{\"skuPartNumber\":\"SPE_E5\",\"total\":1000,\"plans\":null}]");
    }

    @Test
    void aRowMustFillEveryColumn() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Table.of("a", "b").add("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
