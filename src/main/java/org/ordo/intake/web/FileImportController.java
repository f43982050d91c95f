package org.ordo.intake.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.intake.ColumnMapping;
import org.ordo.intake.FileImport;
import org.ordo.intake.FileImports;
import org.ordo.intake.ImportKind;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order files (CSV, XLSX) in two steps: the upload answers with a preview and changes nothing but storing the file;
 * the commit imports it in the background, its progress readable by its id. Articles and opening stock alike.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "File imports", description = "Order, article, opening-stock and bin files (CSV, XLSX): preview, column mapping per source, import with progress")
class FileImportController {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String BINARY = "application/octet-stream";

    private final FileImports imports;

    FileImportController(FileImports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/orders", consumes = {CSV, XLSX, BINARY, "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "previewOrderFile", summary = "Upload an order file and see what it holds", description = """
            The file as body: CSV (UTF-8 unless the Content-Type declares charset=windows-1252, ISO-8859-1 or
            UTF-16; separator comma, semicolon or tab) or XLSX (first sheet). The first row names the columns; each
            further row is one order line; rows with the same reference form one order. Columns are read as the
            source's mapping says (PUT /api/v1/imports/mappings/orders/{source}), else by field name. The answer is
            the preview: orders found (units) and every row's errors naming row and column. Nothing but the file
            is stored until the import is committed. A file that cannot be read with certainty (another encoding
            than declared, a zip bomb, formulas, more than 200 columns, a cell over 2,000 characters) is refused.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = BINARY, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "201", description = "read and checked; see units, rowsWithErrors and errors")
    @ApiResponse(responseCode = "413", description = "larger than ordo.imports.max-file-size")
    @ApiResponse(responseCode = "422", description = "the file cannot be read, or a parameter is wrong; errors[] names it")
    FileImport previewOrders(@Parameter(description = "who sends such files; its mapping is used", example = "shop-a",
            schema = @Schema(type = "string", pattern = FileImports.SOURCE_PATTERN, maxLength = 64))
            @RequestParam(required = false) String source,
            @Parameter(description = "the file's name, kept with it (default: upload)", example = "orders.csv")
            @RequestParam(required = false) String fileName,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        return imports.preview(ImportKind.ORDERS, source, fileName == null ? "upload" : fileName, contentType, body);
    }

    @GetMapping("/orders/{id}")
    @Operation(operationId = "getOrderFileImport", summary = "An order file's preview and import progress")
    FileImport orders(@PathVariable UUID id) {
        return imports.find(ImportKind.ORDERS, id);
    }

    @PostMapping("/orders/{id}/commit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "commitOrderFile", summary = "Import the previewed order file", description = """
            Starts the import and answers at once; GET the import for its progress (unitsDone of units) until
            status is DONE. Each order is placed whole or not at all, through the same path as every channel's
            orders (channel file, external reference source/reference), its rows stored as its original. An order
            whose reference came from this source before with the same content is counted as alreadyImported and
            not placed again: the same file twice creates nothing.""")
    @ApiResponse(responseCode = "409", description = "this import was committed before")
    FileImport commitOrders(@PathVariable UUID id) {
        return imports.commit(ImportKind.ORDERS, id);
    }

    @GetMapping("/mappings/orders/{source}")
    @Operation(operationId = "getOrderFileMapping", summary = "The column mapping of a source's order files")
    ColumnMapping orderMapping(@Parameter(schema = @Schema(type = "string", pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @PathVariable String source) {
        return imports.mapping(ImportKind.ORDERS, source);
    }

    @PutMapping("/mappings/orders/{source}")
    @Operation(operationId = "saveOrderFileMapping", summary = "Save the column mapping of a source's order files", description = """
            columns: field → the header of the column holding it; defaults: field → the value when no column
            holds it or the cell is empty. Fields: reference, sku, quantity, customerId, customerEmail, customerName,
            locale, currency, paymentMethod, shipName, shipCompany, shipStreet, shipStreet2, shipPostalCode,
            shipCity, shipRegion, shipCountry, shipPhone, note.""")
    @ApiResponse(responseCode = "200", description = "saved; the next files of the source are read with it")
    @ApiResponse(responseCode = "422", description = "an unknown field or an empty column name")
    ColumnMapping saveOrderMapping(@Parameter(schema = @Schema(type = "string", pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @PathVariable String source, @RequestBody(required = false) ColumnMapping mapping) {
        return imports.saveMapping(ImportKind.ORDERS, source, mapping);
    }

    // --- articles and opening stock: the same two steps ----------------------------------------------------------

    @PostMapping(path = "/articles", consumes = {CSV, XLSX, BINARY, "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "previewArticleFile", summary = "Upload an article file and see what it holds", description = """
            One row per article, read as for order files (CSV or XLSX, mapping per source). Fields: sku, type
            (PHYSICAL or DIGITAL), name.de, name.en, name.es, name.ko, price, currency, taxRate, priceIncludesTax,
            weightGrams, backorderable, gtin. Each article is registered as by POST /api/v1/articles.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = BINARY, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "201", description = "read and checked; see units, rowsWithErrors and errors")
    @ApiResponse(responseCode = "413", description = "larger than ordo.imports.max-file-size")
    @ApiResponse(responseCode = "422", description = "the file cannot be read, or a parameter is wrong; errors[] names it")
    FileImport previewArticles(@Parameter(example = "erp", schema = @Schema(type = "string",
            pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @RequestParam(required = false) String source,
            @Parameter(example = "articles.csv") @RequestParam(required = false) String fileName,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        return imports.preview(ImportKind.ARTICLES, source, fileName == null ? "upload" : fileName, contentType, body);
    }

    @GetMapping("/articles/{id}")
    @Operation(operationId = "getArticleFileImport", summary = "An article file's preview and import progress")
    FileImport articles(@PathVariable UUID id) {
        return imports.find(ImportKind.ARTICLES, id);
    }

    @PostMapping("/articles/{id}/commit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "commitArticleFile", summary = "Import the previewed article file", description = """
            Registers each article whole or not at all; a SKU imported from this source before with the same
            content counts as alreadyImported; a SKU that exists otherwise fails its row.""")
    @ApiResponse(responseCode = "409", description = "this import was committed before")
    FileImport commitArticles(@PathVariable UUID id) {
        return imports.commit(ImportKind.ARTICLES, id);
    }

    @GetMapping("/mappings/articles/{source}")
    @Operation(operationId = "getArticleFileMapping", summary = "The column mapping of a source's article files")
    ColumnMapping articleMapping(@Parameter(schema = @Schema(type = "string", pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @PathVariable String source) {
        return imports.mapping(ImportKind.ARTICLES, source);
    }

    @PutMapping("/mappings/articles/{source}")
    @Operation(operationId = "saveArticleFileMapping", summary = "Save the column mapping of a source's article files")
    @ApiResponse(responseCode = "200", description = "saved; the next files of the source are read with it")
    @ApiResponse(responseCode = "422", description = "an unknown field or an empty column name")
    ColumnMapping saveArticleMapping(@Parameter(schema = @Schema(type = "string", pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @PathVariable String source, @RequestBody(required = false) ColumnMapping mapping) {
        return imports.saveMapping(ImportKind.ARTICLES, source, mapping);
    }

    @PostMapping(path = "/stock", consumes = {CSV, XLSX, BINARY, "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "previewStockFile", summary = "Upload an opening-stock file and see what it holds", description = """
            One row per SKU and location: sku, location, quantity, and optionally reference (default "opening
            stock") and note. Each row becomes a receipt into the location (a RECEIPT movement in the ledger).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = BINARY, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "201", description = "read and checked; see units, rowsWithErrors and errors")
    @ApiResponse(responseCode = "413", description = "larger than ordo.imports.max-file-size")
    @ApiResponse(responseCode = "422", description = "the file cannot be read, or a parameter is wrong; errors[] names it")
    FileImport previewStock(@Parameter(example = "erp", schema = @Schema(type = "string",
            pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @RequestParam(required = false) String source,
            @Parameter(example = "stock.csv") @RequestParam(required = false) String fileName,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        return imports.preview(ImportKind.STOCK, source, fileName == null ? "upload" : fileName, contentType, body);
    }

    @GetMapping("/stock/{id}")
    @Operation(operationId = "getStockFileImport", summary = "An opening-stock file's preview and import progress")
    FileImport stock(@PathVariable UUID id) {
        return imports.find(ImportKind.STOCK, id);
    }

    @PostMapping("/stock/{id}/commit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "commitStockFile", summary = "Import the previewed opening-stock file", description = """
            Receives each row whole or not at all. A row imported from this source before (same SKU, location
            and reference; without a reference, from the same file) counts as alreadyImported and adds nothing.""")
    @ApiResponse(responseCode = "409", description = "this import was committed before")
    FileImport commitStock(@PathVariable UUID id) {
        return imports.commit(ImportKind.STOCK, id);
    }

    @GetMapping("/mappings/stock/{source}")
    @Operation(operationId = "getStockFileMapping", summary = "The column mapping of a source's opening-stock files")
    ColumnMapping stockMapping(@Parameter(schema = @Schema(type = "string", pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @PathVariable String source) {
        return imports.mapping(ImportKind.STOCK, source);
    }

    @PutMapping("/mappings/stock/{source}")
    @Operation(operationId = "saveStockFileMapping", summary = "Save the column mapping of a source's opening-stock files")
    @ApiResponse(responseCode = "200", description = "saved; the next files of the source are read with it")
    @ApiResponse(responseCode = "422", description = "an unknown field or an empty column name")
    ColumnMapping saveStockMapping(@Parameter(schema = @Schema(type = "string", pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @PathVariable String source, @RequestBody(required = false) ColumnMapping mapping) {
        return imports.saveMapping(ImportKind.STOCK, source, mapping);
    }

    // --- bins of a warehouse: the same two steps -------------------------------------------------------------------

    @PostMapping(path = "/bins", consumes = {CSV, XLSX, BINARY, "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "previewBinFile", summary = "Upload a bin file and see what it holds", description = """
            One row per bin, read as for order files (CSV or XLSX, mapping per source). Fields: location, code,
            pickSequence (required), lengthMm, widthMm, heightMm (the inner dimensions, all three or none),
            maxWeightGrams, palletPlaces, unitLimitPerSku, homeSku. Each bin is set up (or changed to what the row
            says) as by PUT /api/v1/locations/{code}/bins/{bin}, with the same checks.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = BINARY, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "201", description = "read and checked; see units, rowsWithErrors and errors")
    @ApiResponse(responseCode = "413", description = "larger than ordo.imports.max-file-size")
    @ApiResponse(responseCode = "422", description = "the file cannot be read, or a parameter is wrong; errors[] names it")
    FileImport previewBins(@Parameter(example = "racking", schema = @Schema(type = "string",
            pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @RequestParam(required = false) String source,
            @Parameter(example = "bins.csv") @RequestParam(required = false) String fileName,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        return imports.preview(ImportKind.BINS, source, fileName == null ? "upload" : fileName, contentType, body);
    }

    @GetMapping("/bins/{id}")
    @Operation(operationId = "getBinFileImport", summary = "A bin file's preview and import progress")
    FileImport bins(@PathVariable UUID id) {
        return imports.find(ImportKind.BINS, id);
    }

    @PostMapping("/bins/{id}/commit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "commitBinFile", summary = "Import the previewed bin file", description = """
            Sets up each bin whole or not at all; a bin its stock would no longer fit fails its row and stays as
            it was. The same file from this source again counts every bin as alreadyImported.""")
    @ApiResponse(responseCode = "409", description = "this import was committed before")
    FileImport commitBins(@PathVariable UUID id) {
        return imports.commit(ImportKind.BINS, id);
    }

    @GetMapping("/mappings/bins/{source}")
    @Operation(operationId = "getBinFileMapping", summary = "The column mapping of a source's bin files")
    ColumnMapping binMapping(@Parameter(schema = @Schema(type = "string", pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @PathVariable String source) {
        return imports.mapping(ImportKind.BINS, source);
    }

    @PutMapping("/mappings/bins/{source}")
    @Operation(operationId = "saveBinFileMapping", summary = "Save the column mapping of a source's bin files")
    @ApiResponse(responseCode = "200", description = "saved; the next files of the source are read with it")
    @ApiResponse(responseCode = "422", description = "an unknown field or an empty column name")
    ColumnMapping saveBinMapping(@Parameter(schema = @Schema(type = "string", pattern = FileImports.SOURCE_PATTERN, maxLength = 64)) @PathVariable String source, @RequestBody(required = false) ColumnMapping mapping) {
        return imports.saveMapping(ImportKind.BINS, source, mapping);
    }
}
