package org.certfree.proofs.demo;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.certfree.proofs.common.Uscc;
import org.certfree.proofs.department.DepartmentKind;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentInput;
import org.certfree.proofs.keys.KeyService;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.http.PublicBaseUrl;
import org.jboss.logging.Logger;

/**
 * Demo data of a real prefecture (巴音郭楞蒙古自治州), seeded at start in demo mode only. Idempotent:
 * what exists already is left as it is, so restarts and edits made through the API are kept.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** Prefecture (巴州), Korla city (库尔勒市) and Luntai county (轮台县) division codes. */
    static final String BAZHOU = "652800";
    static final String KORLA = "652801";
    static final String LUNTAI = "652822";

    @Inject
    CertfreeConfig config;

    @Inject
    DepartmentService departments;

    @Inject
    KeyService keys;

    @Inject
    ListDemoData lists;

    @Inject
    ProofDemoData proofDemo;

    @Inject
    CommitmentDemoData commitmentDemo;

    @Inject
    SupervisionDemoData supervisionDemo;

    @Inject
    PublicBaseUrl baseUrl;

    /** Path and query of a demo proof's status page (null until seeded), for the start-up message. */
    private volatile Optional<String> demoProofPage;
    private volatile boolean listening;
    private boolean announced;

    void onStart(@Observes StartupEvent event) {
        if (config.mode() == CertfreeConfig.Mode.DEMO && config.demoData()) {
            int added = seed();
            LOG.infof("Demo data: %d departments added (%d defined)", added, DEPARTMENTS.size());
            LOG.infof("Demo data: signing keys ready for %d departments", seedKeys());
            lists.seed();
            proofDemo.seed();
            commitmentDemo.seed();
            supervisionDemo.seed();
            demoProofPage = proofDemo.statusPageOfADemoProof("");
            announceDemoProof();
        }
    }

    /**
     * The HTTP server starts after the startup observers: only then is the port in the link known.
     * (Quarkus fires this event asynchronously, once per event loop.)
     */
    void onListening(@ObservesAsync HttpServerStart event) {
        listening = true;
        announceDemoProof();
    }

    /** Logs the demo proof's link once both the proof and the served port are known, whichever came first. */
    private synchronized void announceDemoProof() {
        if (listening && demoProofPage != null && !announced) {
            announced = true;
            demoProofPage.ifPresent(path -> LOG.infof("Demo data: a demo proof on the citizen page: %s", baseUrl.get() + path));
        }
    }

    /** Adds the demo departments that are missing; returns how many were added. */
    public int seed() {
        int added = 0;
        for (DepartmentInput d : DEPARTMENTS) {
            if (departments.find(d.code()).isEmpty()) {
                departments.create(d);
                added++;
            }
        }
        return added;
    }

    /** Gives every demo department that signs (issuers, the justice bureau) its keys; idempotent. Returns how many departments. */
    public int seedKeys() {
        int departmentsWithKeys = 0;
        for (DepartmentInput d : DEPARTMENTS) {
            if (d.roles().contains(DepartmentRole.ISSUER) || d.roles().contains(DepartmentRole.REVIEWER)) {
                keys.ensureKeys(d.code());
                departmentsWithKeys++;
            }
        }
        return departmentsWithKeys;
    }

    static final List<DepartmentInput> DEPARTMENTS = List.of(
            dept("BZGAJ", "巴音郭楞蒙古自治州公安局", DepartmentKind.GOVERNMENT_DEPARTMENT, "11652800", "MB1A0001", BAZHOU, null,
                    EnumSet.of(DepartmentRole.ISSUER, DepartmentRole.USING_UNIT), "库尔勒市人民东路", "0996-2022110"),
            dept("BZMZJ", "巴音郭楞蒙古自治州民政局", DepartmentKind.GOVERNMENT_DEPARTMENT, "11652800", "MB1A0002", BAZHOU, null,
                    EnumSet.of(DepartmentRole.ISSUER, DepartmentRole.USING_UNIT), "库尔勒市建设路", "0996-2023456"),
            dept("BZRSJ", "巴音郭楞蒙古自治州人力资源和社会保障局", DepartmentKind.GOVERNMENT_DEPARTMENT, "11652800", "MB1A0003",
                    BAZHOU, null, EnumSet.of(DepartmentRole.ISSUER, DepartmentRole.USING_UNIT), "库尔勒市萨依巴格路", "0996-12333"),
            dept("BZSWJ", "国家税务总局巴音郭楞蒙古自治州税务局", DepartmentKind.GOVERNMENT_DEPARTMENT, "11652800", "MB1A0004",
                    BAZHOU, null, EnumSet.of(DepartmentRole.ISSUER, DepartmentRole.USING_UNIT), "库尔勒市石化大道", "0996-12366"),
            dept("BZSCJGJ", "巴音郭楞蒙古自治州市场监督管理局", DepartmentKind.GOVERNMENT_DEPARTMENT, "11652800", "MB1A0005",
                    BAZHOU, null, EnumSet.of(DepartmentRole.ISSUER, DepartmentRole.USING_UNIT), "库尔勒市天山东路", "0996-12315"),
            dept("BZZJJ", "巴音郭楞蒙古自治州住房和城乡建设局", DepartmentKind.GOVERNMENT_DEPARTMENT, "11652800", "MB1A0006",
                    BAZHOU, null, EnumSet.of(DepartmentRole.ISSUER, DepartmentRole.USING_UNIT), "库尔勒市交通西路", "0996-2021234"),
            dept("BZSFJ", "巴音郭楞蒙古自治州司法局", DepartmentKind.JUSTICE_BUREAU, "11652800", "MB1A0007", BAZHOU, null,
                    EnumSet.of(DepartmentRole.REVIEWER, DepartmentRole.ISSUER), "库尔勒市人民西路", "0996-12348"),
            dept("BZZWZX", "巴音郭楞蒙古自治州政务服务和公共资源交易中心", DepartmentKind.SERVICE_CENTER, "11652800", "MB1A0008",
                    BAZHOU, null, EnumSet.of(DepartmentRole.USING_UNIT), "库尔勒市梨香湖片区", "0996-12345"),
            dept("KELSZWZX", "库尔勒市政务服务中心综合窗口", DepartmentKind.SERVICE_CENTER, "11652801", "MB1A0009", KORLA,
                    "BZZWZX", EnumSet.of(DepartmentRole.USING_UNIT), "库尔勒市团结南路", "0996-2660123"),
            dept("LTXZWZX", "轮台县政务服务中心综合窗口", DepartmentKind.SERVICE_CENTER, "11652822", "MB1A0010", LUNTAI,
                    "BZZWZX", EnumSet.of(DepartmentRole.USING_UNIT), "轮台县迎宾路", "0996-4680123"));

    private static DepartmentInput dept(String code, String name, DepartmentKind kind, String usccHead, String orgBody,
            String region, String parent, EnumSet<DepartmentRole> roles, String address, String phone) {
        return new DepartmentInput(code, name, kind, Uscc.complete(usccHead + orgBody), region, parent,
                new TreeSet<>(roles), address, phone, true, null);
    }
}
